type ExportLinksProps = {
  /** The list's export route, e.g. `/api/scorecards/export`. */
  path: string;
  /** The query the list on screen was read with, so the file holds exactly what is shown. */
  query: Record<string, string | number | undefined | null>;
  /** What the file holds, for screen readers: "Export scorecards as CSV". */
  what: string;
};

/** CSV and XLSX download links for a list, beside its heading. */
export function ExportLinks({ path, query, what }: ExportLinksProps) {
  const href = (format: 'csv' | 'xlsx') => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    params.set('format', format);
    return `${path}?${params.toString()}`;
  };
  return (
    <span className="button-row">
      <a className="button button-small" href={href('csv')} download aria-label={`Export ${what} as CSV`}>
        CSV
      </a>
      <a className="button button-small" href={href('xlsx')} download aria-label={`Export ${what} as XLSX`}>
        XLSX
      </a>
    </span>
  );
}
