/** A page whose analysis has not landed: says so plainly, shows no invented content. */
export function NotYetPage(props: { title: string; what: string; needs: string }) {
  return (
    <section className="not-yet">
      <h1>{props.title}</h1>
      <p className="notice" role="status">
        Not available yet: this version of ADCLab does not include {props.needs}. The page will work as soon as it does.
      </p>
      <h2>What this page will do</h2>
      <p>{props.what}</p>
    </section>
  );
}
