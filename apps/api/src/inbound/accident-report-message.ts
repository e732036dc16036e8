import { createHash } from 'node:crypto';
import { z } from 'zod';
import { accidentReportFields, shanghaiDate, storableText, type AccidentOpeningCommand, type Section } from '@qts/domain';

/**
 * An accident report from the 12345/12365/12315 hotline platform, the police or another department, version 1: the
 * report's own fields (the sender's `reportId` among them). The owning section follows from the kind.
 */
export const accidentReportMessageSchema = storableText(z.strictObject({ version: z.literal(1), ...accidentReportFields }));
export type AccidentReportMessage = z.infer<typeof accidentReportMessageSchema>;

const SECTION_OF_KIND: Record<AccidentReportMessage['kind'], Section> = {
  special_equipment: 'special_equipment',
  product_quality: 'quality',
  food_related_product: 'quality',
};

/** The opening command the message asks for. */
export function receiveCommandOf(message: AccidentReportMessage): AccidentOpeningCommand {
  const { version: _version, ...report } = message;
  return { type: 'ReceiveAccidentReport', ...report, section: SECTION_OF_KIND[message.kind] };
}

/**
 * The case number of a report, fixed by the sender's id (ACC-YYYYMMDD-xxxxxxxx, the day the accident happened): the
 * same report delivered twice names the same case, and Temporal refuses to start it again.
 */
export function accidentCaseIdOf(message: Pick<AccidentReportMessage, 'source' | 'reportId' | 'occurredAt'>): string {
  const day = shanghaiDate(Date.parse(message.occurredAt)).replaceAll('-', '');
  const hash = createHash('sha256').update(`${message.source}:${message.reportId}`).digest('hex').slice(0, 8);
  return `ACC-${day}-${hash}`;
}
