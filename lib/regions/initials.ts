// Pinyin initials of place and agency names, for search ("tbq" finds 洮北区). pinyin-pro picks the common reading
// of a polyphonic character; place names often use another one, so a small table fixes the known cases.
import { pinyin } from "pinyin-pro";

/**
 * Place-name fragments whose initials pinyin-pro gets wrong, with the right initials (one letter per character).
 * A fragment is matched anywhere in a name, so "单县" also fixes 单县人民政府 and 单县教育局.
 * Checked against pinyin-pro 3.29: every entry below differs from its default output.
 */
export const INITIALS_OVERRIDES: Readonly<Record<string, string>> = {
  单县: "sx", // Shàn Xiàn (山东菏泽), not dān
  歙县: "sx", // Shè Xiàn (安徽黄山), not xī
  蔚县: "yx", // Yù Xiàn (河北张家口), not wèi
  浚县: "xx", // Xùn Xiàn (河南鹤壁), not jùn
  涡阳: "gy", // Guōyáng (安徽亳州), not wō
  泌阳: "by", // Bìyáng (河南驻马店), not mì
  洪洞: "ht", // Hóngtóng (山西临汾), not dòng
  乐清: "yq", // Yuèqīng (浙江温州), not lè
  黄陂: "hp", // Huángpí (武汉), not bēi
  筠连: "jl", // Jūnlián (四川宜宾), not yún
  尉犁: "yl", // Yùlí (新疆巴音郭楞), not wèi
  宕昌: "tc", // Tànchāng (甘肃陇南), not dàng
  覃塘: "tt", // Tántáng (广西贵港), not qín
  大埔: "db", // Dàbù (广东梅州), not pǔ
};

/** The initials of one name: lower-case letters and digits, nothing else. */
export function initialsOf(name: string): string {
  // Bracketed qualifiers ("（工业园区）城南街道") are not part of what people type.
  const clean = name.replace(/[（(][^）)]*[）)]/g, "").trim() || name;
  const chars = Array.from(clean);
  const letters = pinyin(clean, { pattern: "first", toneType: "none", type: "array" });
  // pinyin-pro returns one entry per character for CJK text; fall back to a per-character call if not.
  const perChar = letters.length === chars.length ? letters : chars.map((c) => pinyin(c, { pattern: "first", toneType: "none" }));
  const out = perChar.map((l) => l.toLowerCase());
  for (const [fragment, fix] of Object.entries(INITIALS_OVERRIDES)) {
    let from = clean.indexOf(fragment);
    while (from >= 0) {
      const at = Array.from(clean.slice(0, from)).length;
      Array.from(fix).forEach((letter, i) => {
        if (at + i < out.length) out[at + i] = letter;
      });
      from = clean.indexOf(fragment, from + fragment.length);
    }
  }
  return out.join("").replace(/[^a-z0-9]/g, "");
}
