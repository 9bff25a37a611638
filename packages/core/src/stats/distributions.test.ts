import { test } from "node:test";
import { assertClose } from "../test-helpers/assert.ts";
import { fUpperTail, studentTCdf, tCritical } from "./distributions.ts";

// Expected values: R 4.2.2, pf(3.7, 2, 10, lower.tail = FALSE), pf(250, 1, 20, lower.tail = FALSE),
// qt(0.975, 6), pt(-2.5, 7), printed with options(digits = 17).
test("F upper tail matches R's pf(lower.tail = FALSE), also for tiny p", () => {
  assertClose(fUpperTail(3.7, 2, 10), 0.062698010260306442, 1e-12);
  assertClose(fUpperTail(250, 1, 20), 9.0741574454237072e-13, 1e-9);
  assertClose(fUpperTail(0, 1, 20), 1, 0);
});

test("t quantile and cdf match R's qt and pt", () => {
  assertClose(tCritical(0.95, 6), 2.4469118511449688, 1e-12);
  assertClose(studentTCdf(-2.5, 7), 0.020496109292876437, 1e-12);
});
