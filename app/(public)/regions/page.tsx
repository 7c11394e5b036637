import type { Metadata } from "next";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { RegionList } from "@/components/RegionList";
import { listChildRegions } from "@/lib/db/queries/public";

export const metadata: Metadata = { title: "按地区浏览" };

export default async function RegionsPage() {
  await connection();
  const provinces = await listChildRegions(null);
  return (
    <div>
      <Breadcrumbs items={[{ href: "/", label: "首页" }, { label: "按地区浏览" }]} />
      <h1 className="text-2xl font-semibold text-brand-800">按地区浏览</h1>
      <p className="mt-2 text-slate-600">选择省级行政区，逐级查看各级人民政府及其部门、乡镇（街道）的年度报告。</p>
      <RegionList regions={provinces} className="mt-6" />
    </div>
  );
}
