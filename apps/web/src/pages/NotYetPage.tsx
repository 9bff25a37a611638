/**
 * A page not built into the workbench yet: says so plainly, shows no invented content, and
 * points to the command that already does the work.
 */
export function NotYetPage(props: { title: string; what: string; cli: string }) {
  return (
    <section className="not-yet">
      <h1>{props.title}</h1>
      <p className="notice" role="status">
        Not available in the workbench yet: this page has not been built. The analysis itself runs on the command line
        today: <code>{props.cli}</code>
      </p>
      <h2>What this page will do</h2>
      <p>{props.what}</p>
    </section>
  );
}
