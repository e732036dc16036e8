import { existsSync } from 'node:fs';

/** A CJK font the 指令书 is set in: a file, and the face within it when the file is a collection (.ttc). */
export interface CjkFont {
  path: string;
  family?: string;
}

/**
 * Where the project's setup installs it (scripts/install.sh: Debian fonts-noto-cjk), or `QTS_CJK_FONT` (a .ttf/.otf,
 * or a .ttc with `QTS_CJK_FONT_FAMILY`). Null when none is installed: the caller says how to install one.
 */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env): CjkFont | null {
  const configured = env['QTS_CJK_FONT'];
  if (configured)
    return existsSync(configured)
      ? { path: configured, ...(env['QTS_CJK_FONT_FAMILY'] ? { family: env['QTS_CJK_FONT_FAMILY'] } : {}) }
      : null;
  const candidates: CjkFont[] = [
    { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
    { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  ];
  return candidates.find((c) => existsSync(c.path)) ?? null;
}

export const CJK_FONT_MISSING =
  '未安装中文字体，无法生成指令书 PDF：运行 scripts/install.sh（安装 fonts-noto-cjk）或设置 QTS_CJK_FONT / no CJK font installed: run scripts/install.sh or set QTS_CJK_FONT';
