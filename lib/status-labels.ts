export const STATUS_LABELS: Record<"DRAFT" | "SUBMITTED" | "RETURNED" | "PUBLISHED", string> = {
  DRAFT: "草稿",
  SUBMITTED: "已提交，待审核",
  RETURNED: "已退回修改",
  PUBLISHED: "已发布",
};
