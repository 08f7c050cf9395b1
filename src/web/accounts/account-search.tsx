import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { AccountMatchView } from '../../api/engagement.js';
import { useAccountSearch } from './account-queries.js';

export type AccountSearchProps = {
  label: string;
  /** The text in the box: part of an account's name (or whatever the form accepts besides). */
  text: string;
  onTextChange: (text: string) => void;
  /** An account picked from the list; typing again clears the choice. */
  onPick: (account: AccountMatchView | null) => void;
  /** Text that is not a name to look up (e.g. `deal:<id>`): no list is shown for it. */
  skipSearch?: (text: string) => boolean;
  placeholder?: string;
};

/**
 * A text box that lists the accounts whose name contains what was typed, among those the person
 * may see (GET /api/accounts?search=), as a combobox: arrows move through the list, Enter or a
 * click picks, Escape closes it.
 */
export function AccountSearch(props: AccountSearchProps) {
  const listId = useId();
  const [debounced, setDebounced] = useState(props.text);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(props.text), 150);
    return () => clearTimeout(timer);
  }, [props.text]);
  const search = props.skipSearch?.(debounced) ? '' : debounced;
  const query = useAccountSearch(search);
  const matches = search.trim() === '' ? [] : (query.data?.items ?? []);
  const expanded = open && matches.length > 0;

  const pick = (account: AccountMatchView) => {
    props.onTextChange(account.name);
    props.onPick(account);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!expanded) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : matches.length - 1;
      setActive((index) => (index + step) % matches.length);
    } else if (event.key === 'Enter') {
      const account = matches[active];
      if (account) {
        event.preventDefault();
        pick(account);
      }
    } else if (event.key === 'Escape') setOpen(false);
  };

  return (
    <div className="account-search">
      <input
        role="combobox"
        aria-label={props.label}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        value={props.text}
        placeholder={props.placeholder}
        autoComplete="off"
        onChange={(event) => {
          props.onTextChange(event.target.value);
          props.onPick(null);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        required
      />
      <ul id={listId} role="listbox" aria-label={`${props.label}: matching accounts`} hidden={!expanded}>
        {matches.map((account, index) => (
          <li
            key={account.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: it comes before the box's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(account);
            }}
          >
            <span className="account-search-name">{account.name}</span>
            <span className="account-search-meta">
              {[account.segment, account.industry].filter(Boolean).join(' · ') || account.id}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
