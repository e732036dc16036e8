/** A name shown to people: Chinese first (zh-CN), English second. */
export interface Labels {
  readonly zh: string;
  readonly en: string;
}

export function labels(zh: string, en: string): Labels {
  return { zh, en };
}
