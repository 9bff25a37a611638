/** The page frame: header, navigation, and the page for the current path. */
import type { ReactNode } from "react";
import { UserBadge } from "./auth/AuthGate.tsx";
import { ColocalizationPage } from "./pages/ColocalizationPage.tsx";
import { DoseResponsePage } from "./pages/dose-response/DoseResponsePage.tsx";
import { ExplorerPage } from "./pages/ExplorerPage.tsx";
import { LibraryPage } from "./pages/LibraryPage.tsx";
import { ProjectsPage } from "./pages/ProjectsPage.tsx";
import { TroubleshooterPage } from "./pages/TroubleshooterPage.tsx";
import { usePath } from "./router.ts";

interface PageDef {
  path: string;
  title: string;
  render: () => ReactNode;
}

export const PAGES: PageDef[] = [
  { path: "/explorer", title: "Pathway explorer", render: () => <ExplorerPage /> },
  { path: "/dose-response", title: "Dose–response", render: () => <DoseResponsePage /> },
  {
    path: "/colocalization",
    title: "Co-localization",
    render: () => <ColocalizationPage />,
  },
  { path: "/troubleshooter", title: "Troubleshooter", render: () => <TroubleshooterPage /> },
  { path: "/library", title: "Library", render: () => <LibraryPage /> },
  { path: "/projects", title: "Projects", render: () => <ProjectsPage /> },
];

export function App() {
  const [path, navigate] = usePath();
  const current =
    PAGES.find((p) => p.path === path) ?? (path === "/" ? PAGES.find((p) => p.path === "/library") : undefined);
  return (
    <div className="frame">
      <header>
        <a
          className="brand"
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate("/");
          }}
        >
          ADCLab <span>T-DM1 / Lys-SMCC-DM1 resistance workbench</span>
        </a>
        <nav aria-label="Pages">
          {PAGES.map((p) => (
            <a
              key={p.path}
              href={p.path}
              aria-current={current?.path === p.path ? "page" : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(p.path);
              }}
            >
              {p.title}
            </a>
          ))}
        </nav>
        <UserBadge />
      </header>
      <main>
        {current ? (
          current.render()
        ) : (
          <section>
            <h1>Page not found</h1>
            <p>There is no page at {path}. Pick one from the navigation above.</p>
          </section>
        )}
      </main>
    </div>
  );
}
