import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@qts/config';
import { APP_CONFIG, PgPool } from '@qts/nest-support';
import { ProjectorService } from './projector.service';

@Module({})
export class ProjectorModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: ProjectorModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, PgPool, ProjectorService],
    };
  }
}
