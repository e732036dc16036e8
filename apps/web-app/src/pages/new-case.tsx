import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { untilProjected } from '../case/until-projected';
import { CommandForm } from '../forms/command-form';
import { commandSchemas } from '../forms/command-schemas';
import type { JsonSchema } from '../forms/json-schema';
import { useLang } from '../i18n/lang';
import { useCatalogue } from '../shell/catalogue';
import { session } from '../shell/session';

/** Opening a case: every opening command of every process this person may send, its form from the schema. */
export function NewCasePage() {
  const { t, l } = useLang();
  const catalogue = useCatalogue();
  const navigate = useNavigate();
  const openings = catalogue.processes.flatMap((p) => p.openings.filter((o) => o.permitted).map((o) => ({ process: p, opening: o })));
  const [chosen, setChosen] = useState(openings[0]?.opening.type ?? '');
  const current = openings.find((o) => o.opening.type === chosen);
  const [loaded, setLoaded] = useState<{ type: string; schema: JsonSchema | null } | null>(null);
  const route = current?.process.route;
  useEffect(() => {
    if (route) void commandSchemas(`/api/${route}`).then((s) => setLoaded({ type: chosen, schema: s[chosen] ?? null }));
  }, [route, chosen]);
  const schema = loaded?.type === chosen ? loaded.schema : null;
  const section = session.get()?.user.section;
  if (openings.length === 0) return <p className="muted">{t('您的角色不能开启案件', 'Your roles open no cases')}</p>;
  return (
    <section>
      <div className="openings" role="tablist">
        {openings.map(({ process, opening }) => (
          <button
            key={opening.type}
            type="button"
            role="tab"
            aria-selected={opening.type === chosen}
            className={opening.type === chosen ? 'active' : ''}
            onClick={() => setChosen(opening.type)}
          >
            {l(process.labels)}：{l(opening.labels)}
          </button>
        ))}
      </div>
      {current && schema && (
        <div className="card">
          <CommandForm
            key={chosen}
            url={`/api/${current.process.route}`}
            type={chosen}
            schema={schema}
            initial={section && schema.properties?.['section'] ? { section } : {}}
            submitLabel={t('开启案件', 'Open the case')}
            onAccepted={(a) => void untilProjected(a.caseId, 1).then(() => navigate(`/cases/${encodeURIComponent(a.caseId)}`))}
          />
        </div>
      )}
    </section>
  );
}
