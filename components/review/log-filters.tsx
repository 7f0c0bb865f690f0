import { LOG_ACTIONS, LOG_ACTION_LABELS, type TModerationLogQuery } from "@/lib/moderation/log-view";

/** The log's filters: a plain GET form (each view has a URL; the CSV link carries the same filters). */
export function LogFilters({ query }: { query: TModerationLogQuery }) {
  return (
    <form className="review-filters" method="get" action="/review/log" aria-label="Filter the log">
      <div className="filter-field">
        <label htmlFor="log-action">Action</label>
        <select id="log-action" name="action" defaultValue={query.action ?? ""}>
          <option value="">Any</option>
          {LOG_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {LOG_ACTION_LABELS[action]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor="log-actor">By (name or user id)</label>
        <input id="log-actor" name="actor" defaultValue={query.actor ?? ""} maxLength={100} autoComplete="off" />
      </div>
      <div className="filter-field">
        <label htmlFor="log-from">From (UTC day)</label>
        <input id="log-from" name="from" type="date" defaultValue={query.from ?? ""} />
      </div>
      <div className="filter-field">
        <label htmlFor="log-to">To (UTC day, included)</label>
        <input id="log-to" name="to" type="date" defaultValue={query.to ?? ""} />
      </div>
      <div className="filter-actions">
        <button type="submit" className="button">
          Apply
        </button>
        <a href="/review/log">Clear</a>
      </div>
    </form>
  );
}
