import { createZodDto } from 'nestjs-zod';
import { penaltyCaseCommandSchema, penaltyOpeningCommandSchema } from '@qts/domain';

export class OpenPenaltyCaseDto extends createZodDto(penaltyOpeningCommandSchema) {}
export class PenaltyCaseCommandDto extends createZodDto(penaltyCaseCommandSchema) {}
