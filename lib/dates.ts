// Dates are shown and judged in Asia/Shanghai, whatever the server's own time zone is.
const dateFmt = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
const dateTimeFmt = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

export function formatDate(d: Date | null | undefined): string {
  return d ? dateFmt.format(d).replaceAll("/", "-") : "";
}

export function formatDateTime(d: Date | null | undefined): string {
  return d ? dateTimeFmt.format(d).replaceAll("/", "-") : "";
}
