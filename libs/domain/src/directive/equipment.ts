import { z } from 'zod';

/** 特种设备 kinds (特种设备安全法 第二条 and the catalogue). */
export const EQUIPMENT_TYPES = [
  'boiler',
  'pressure_vessel',
  'pressure_piping',
  'elevator',
  'crane',
  'passenger_ropeway',
  'amusement_ride',
  'field_vehicle',
] as const;

export const equipmentSchema = z.strictObject({
  /** 使用登记证编号 / 设备注册代码 */
  registrationCode: z.string().min(1, 'registration code is required').max(60),
  type: z.enum(EQUIPMENT_TYPES),
  location: z.string().min(1, 'location is required').max(200),
  userUnit: z.strictObject({
    name: z.string().min(1, 'user unit is required').max(200),
    creditCode: z.string().min(1).max(40).optional(),
  }),
});
export type Equipment = z.infer<typeof equipmentSchema>;

/** The equipment as events record it (no newer limits). */
export const equipmentRecordSchema = z.object({
  registrationCode: z.string().min(1),
  type: z.enum(EQUIPMENT_TYPES),
  location: z.string(),
  userUnit: z.object({ name: z.string().min(1), creditCode: z.string().optional() }),
});
