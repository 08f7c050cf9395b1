import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiSeverity, ChangeHygieneRuleRequest, HygieneRuleResponse } from '../../api/hygiene.js';
import { getJson, sendJson } from '../http/api-client.js';
import { describeError } from '../http/api-error.js';
import { ExportLinks } from '../ui/export-links.js';
import { useSession } from '../session/session-context.js';
import { Notice, Spinner } from '../ui/notice.js';
import { SaveStatus } from './save-status.js';

const rulesKey = ['admin', 'hygiene-rules'];

/** The hygiene rules: on or off, severity and thresholds, each change a ledger event. */
export function HygieneTab() {
  const rules = useQuery({
    queryKey: rulesKey,
    queryFn: ({ signal }) =>
      getJson<{ rules: HygieneRuleResponse[] }>('/api/admin/hygiene-rules', {}, signal),
  });
  return (
    <section className="panel" aria-labelledby="hygiene-rules-title">
      <div className="panel-head">
        <h2 id="hygiene-rules-title" className="panel-title">
          Hygiene rules
        </h2>
        {rules.data ? (
          <ExportLinks path="/api/admin/hygiene-rules/export" query={{}} what="hygiene rules" />
        ) : null}
      </div>
      <p className="muted">
        A high-severity flag takes a deal out of the hygiene-adjusted pipeline. Changes apply from now on:
        flags computed as of an earlier moment keep the rules of their time.
      </p>
      <p className="muted">
        The log of weekly digest deliveries (channel, recipient, status, attempts, last error):{' '}
        <ExportLinks path="/api/admin/digests/deliveries/export" query={{}} what="the digest delivery log" />
      </p>
      {rules.isPending ? <Spinner /> : null}
      {rules.isError ? <Notice tone="error">{describeError(rules.error)}</Notice> : null}
      <div className="hygiene-rule-list">
        {rules.data?.rules.map((rule) => (
          <RuleForm key={rule.rule} rule={rule} />
        ))}
      </div>
    </section>
  );
}

function RuleForm({ rule }: { rule: HygieneRuleResponse }) {
  const session = useSession();
  const client = useQueryClient();
  const [enabled, setEnabled] = useState(rule.enabled);
  const [severity, setSeverity] = useState<ApiSeverity>(rule.severity);
  const [thresholds, setThresholds] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(rule.thresholds).map(([k, v]) => [k, v === null ? '' : String(v)])),
  );
  const save = useMutation({
    mutationFn: (body: ChangeHygieneRuleRequest) =>
      sendJson<HygieneRuleResponse>(`/api/admin/hygiene-rules/${encodeURIComponent(rule.rule)}`, {
        method: 'PATCH',
        body,
        csrfToken: session.csrfToken,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: rulesKey }),
  });
  const submit = () => {
    const changed: Record<string, number | string | null> = {};
    for (const [key, text] of Object.entries(thresholds)) {
      const before = rule.thresholds[key];
      const value =
        typeof rule.defaults.thresholds[key] === 'number'
          ? Number(text)
          : text.trim() === ''
            ? null
            : text.trim();
      if (value !== before) changed[key] = value;
    }
    const body: ChangeHygieneRuleRequest = {};
    if (enabled !== rule.enabled) body.enabled = enabled;
    if (severity !== rule.severity) body.severity = severity;
    if (Object.keys(changed).length > 0) body.thresholds = changed;
    save.mutate(body);
  };
  return (
    <form
      className="hygiene-rule"
      aria-label={rule.rule}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="hygiene-rule-head">
        <label className="checkbox">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />{' '}
          <code>{rule.rule}</code>
        </label>
        <label>
          Severity{' '}
          <select value={severity} onChange={(e) => setSeverity(e.target.value as ApiSeverity)}>
            <option value="low">low</option>
            <option value="medium">medium</option>
            <option value="high">high</option>
          </select>
        </label>
        {Object.keys(thresholds).map((key) => (
          <label key={key}>
            {key}{' '}
            <input
              className="hygiene-threshold"
              value={thresholds[key] ?? ''}
              placeholder={
                rule.defaults.thresholds[key] === null ? 'default' : String(rule.defaults.thresholds[key])
              }
              onChange={(e) => setThresholds({ ...thresholds, [key]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit" className="button" disabled={save.isPending}>
          Save
        </button>
      </div>
      <p className="muted">{rule.description}</p>
      <SaveStatus outcome={save} success={`Saved ${rule.rule}.`} />
    </form>
  );
}
