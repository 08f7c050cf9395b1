import { useState, type FormEvent } from 'react';
import type { AccountMatchView } from '../../api/engagement.js';
import {
  insightSeverityValues,
  insightTypeLabels,
  insightTypeValues,
  type InsightCapture,
} from '../../api/insights.js';
import { AccountSearch } from '../accounts/account-search.js';
import '../accounts/account-search.css';
import { describeError } from '../http/api-error.js';
import { Notice } from '../ui/notice.js';
import { useCaptureInsight } from './insight-queries.js';

type InsightType = (typeof insightTypeValues)[number];
type Severity = (typeof insightSeverityValues)[number];

const isDealRef = (text: string) => text.trim().startsWith('deal:');

/**
 * Captures what a customer said. On a deal or account page the subject is fixed; on the customer
 * voice page the person finds the account by typing part of its name (or gives an account id, or
 * `deal:<id>`).
 */
export function InsightForm({ accountId, opportunityId }: { accountId?: string; opportunityId?: string }) {
  const capture = useCaptureInsight();
  const fixed = accountId !== undefined || opportunityId !== undefined;
  const [subject, setSubject] = useState('');
  const [picked, setPicked] = useState<AccountMatchView | null>(null);
  const [type, setType] = useState<InsightType>('competitor-mention');
  const [competitor, setCompetitor] = useState('');
  const [topic, setTopic] = useState('');
  const [text, setText] = useState('');
  const [severity, setSeverity] = useState<Severity>('medium');
  const [saved, setSaved] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target = fixed
      ? { accountId: accountId ?? null, opportunityId: opportunityId ?? null }
      : isDealRef(subject)
        ? { opportunityId: subject.trim().slice(5).trim() }
        : { accountId: picked?.id ?? subject.trim() };
    const body: InsightCapture = { ...target, type, competitor, topic, text, severity };
    setSaved(false);
    capture.mutate(body, {
      onSuccess: () => {
        setSaved(true);
        setCompetitor('');
        setTopic('');
        setText('');
      },
    });
  };

  return (
    <form className="insight-form" onSubmit={submit} aria-label="Capture an insight">
      {fixed ? null : (
        <div className="compact-field insight-subject">
          <span aria-hidden="true">Account (type part of its name), or deal:&lt;id&gt;</span>
          <AccountSearch
            label="Account"
            text={subject}
            onTextChange={setSubject}
            onPick={setPicked}
            skipSearch={isDealRef}
            placeholder="e.g. Northwind, or deal:demo-opp-00042"
          />
        </div>
      )}
      <label className="compact-field">
        <span>Type</span>
        <select
          aria-label="Insight type"
          value={type}
          onChange={(e) => setType(e.target.value as InsightType)}
        >
          {insightTypeValues.map((t) => (
            <option key={t} value={t}>
              {insightTypeLabels[t]}
            </option>
          ))}
        </select>
      </label>
      <label className="compact-field">
        <span>Competitor</span>
        <input
          value={competitor}
          onChange={(e) => setCompetitor(e.target.value)}
          required={type === 'competitor-mention'}
        />
      </label>
      <label className="compact-field">
        <span>Topic</span>
        <input value={topic} onChange={(e) => setTopic(e.target.value)} placeholder="short label, e.g. SSO" />
      </label>
      <label className="compact-field">
        <span>Severity</span>
        <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
          {insightSeverityValues.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="compact-field insight-text">
        <span>What the customer said</span>
        <textarea value={text} rows={2} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={capture.isPending}>
          Capture
        </button>
        {saved ? <span className="save-ok">Captured.</span> : null}
      </div>
      {capture.isError ? <Notice tone="error">{describeError(capture.error)}</Notice> : null}
    </form>
  );
}
