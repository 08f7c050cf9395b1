import type { BridgeResponse } from '../../api/bridge.js';
import type { BridgeSelection } from './bridge-selection.js';

/** The written account; every figure is a button that shows the deals behind it. */
export function BridgeAccount({
  report,
  onSelect,
}: {
  report: BridgeResponse;
  onSelect: (selection: BridgeSelection) => void;
}) {
  return (
    <div className="bridge-account" data-testid="bridge-account">
      {report.account.paragraphs.map((paragraph, index) => (
        <p key={index}>
          {paragraph.map((fragment, i) =>
            fragment.deals ? (
              <button
                key={i}
                type="button"
                className="figure-link"
                title={`${fragment.deals.length} deal${fragment.deals.length === 1 ? '' : 's'} behind this figure`}
                onClick={() => onSelect({ title: fragment.text, dealIds: fragment.deals ?? [] })}
              >
                {fragment.text}
              </button>
            ) : (
              <span key={i}>{fragment.text}</span>
            ),
          )}
        </p>
      ))}
    </div>
  );
}
