/** A name in both languages (zh-CN first), as the API's labels come. */
export interface Labels {
  zh: string;
  en: string;
}
