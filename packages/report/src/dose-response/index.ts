export { type CurveBand, doseResponseBand, grBand, logGrid } from "./curve-band.ts";
export {
  type DoseResponseFigureSpec,
  doseResponseFigure,
  doseResponseSvg,
  type FigureCurve,
  type FigureDocument,
  type FigureElement,
  type FigurePoint,
} from "./figure.ts";
