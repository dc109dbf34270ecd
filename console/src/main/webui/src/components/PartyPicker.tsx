/** The first page: each party logs in with its own identity provider. */
export function PartyPicker() {
  return (
    <main className="picker">
      <h1>mdcoop staff console</h1>
      <p>Provisional NATO–Russia missile-defence cooperation. Log in with your own party's identity provider.</p>
      <div className="parties">
        <a className="party nato" href="/nato/">Log in — NATO</a>
        <a className="party russia" href="/russia/">Log in — Russia</a>
      </div>
    </main>
  );
}
