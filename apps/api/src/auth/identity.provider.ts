import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@qts/config';
import { Identity, IdentityError } from '@qts/identity';
import { APP_CONFIG, PgPool } from '@qts/nest-support';
import { ApiError } from '../errors/api-error';

/** The identity stores, on the API's pool; the schema is created at start-up. */
@Injectable()
export class IdentityProvider extends Identity implements OnModuleInit {
  constructor(@Inject(APP_CONFIG) config: AppConfig, db: PgPool) {
    super(db.pool, config.database.readModelSchema, config.auth.login);
  }

  onModuleInit(): Promise<void> {
    return this.migrate();
  }
}

const STATUS: Record<IdentityError['code'], number> = {
  USER_EXISTS: 409,
  USER_NOT_FOUND: 404,
  WEAK_PASSWORD: 400,
  LAST_ADMINISTRATOR: 409,
  ASSIGNMENT_NOT_FOUND: 404,
  ALREADY_ASSIGNED: 409,
};

/** Identity store errors as API answers. */
export async function answering<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof IdentityError) throw new ApiError(STATUS[err.code], err.code, err.message);
    throw err;
  }
}
