/** The API's messages are "中文 / English": the part in the chosen language (the whole when it has no such split). */
export function inLang(message: string, lang: 'zh' | 'en'): string {
  const at = message.lastIndexOf(' / ');
  if (at >= 0) return lang === 'zh' ? message.slice(0, at) : message.slice(at + 3);
  // "…（第六十二条）/ issue …": the Chinese ends in a full-width bracket, with no space before the slash
  const after = message.lastIndexOf('）/ ');
  if (after >= 0) return lang === 'zh' ? message.slice(0, after + 1) : message.slice(after + 3);
  return message;
}
