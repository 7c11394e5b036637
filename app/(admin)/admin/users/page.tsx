import type { Metadata } from "next";
import { WorkspaceBar } from "@/components/workspace/WorkspaceBar";
import { requireUser } from "@/lib/auth/session";
import { canManageUsers, ROLE_LABELS, isRole } from "@/lib/auth/roles";
import { listUsers } from "@/lib/db/users";
import { setActiveAction } from "./actions";
import { CreateUserForm, ResetPasswordForm } from "./UserForms";

export const metadata: Metadata = { title: "账号管理" };

export default async function UsersPage() {
  const user = await requireUser("/admin/users");
  if (!canManageUsers(user)) {
    return <p role="alert" className="py-10 text-center text-seal">只有管理员可以管理账号。</p>;
  }
  const users = await listUsers();
  return (
    <div className="space-y-8">
      <WorkspaceBar name={user.name} role={user.role} scopeLabel="全平台" />
      <h1 className="text-2xl font-semibold text-brand-800">账号管理</h1>
      <section aria-labelledby="new-user" className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
        <h2 id="new-user" className="mb-4 font-semibold">
          新建账号
        </h2>
        <CreateUserForm />
      </section>
      <div className="overflow-x-auto">
        <table className="official-table w-full bg-white text-sm">
          <thead>
            <tr>
              <th scope="col">用户名</th>
              <th scope="col">姓名</th>
              <th scope="col">角色</th>
              <th scope="col">范围</th>
              <th scope="col">状态</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td>
                <td>{u.name}</td>
                <td>{isRole(u.role) ? ROLE_LABELS[u.role] : u.role}</td>
                <td>{u.agency ? `${u.agency.name}（${u.agency.id}）` : u.region ? `${u.region.name}（${u.region.code}）` : "全平台"}</td>
                <td>{u.banned ? <span className="text-seal">已停用</span> : `正常 · ${u._count.sessions}个登录`}</td>
                <td className="space-y-2">
                  <ResetPasswordForm userId={u.id} username={u.username ?? u.name} />
                  {u.id !== user.id ? (
                    <form action={setActiveAction}>
                      <input type="hidden" name="userId" value={u.id} />
                      <input type="hidden" name="active" value={u.banned ? "1" : "0"} />
                      <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50">
                        {u.banned ? "启用" : "停用并注销登录"}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
