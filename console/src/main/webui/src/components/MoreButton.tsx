/** "More": the next page of a paged list, offered while the service says one follows (not twice at once). */
export function MoreButton({ list }: { list: { more: (() => void) | null; loading: boolean } }) {
  if (!list.more) return null;
  return (
    <div className="form-actions">
      <button type="button" onClick={list.more} disabled={list.loading}>More</button>
    </div>
  );
}
