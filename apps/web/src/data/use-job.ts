/**
 * A job of the server's (GET /api/jobs/{id}) followed until it ends: polled while it runs, its
 * stored result fetched once it is done. While the server cannot be reached (a restart), it says
 * so and keeps trying: the job is still there when the server is back. A 4xx ends the polling
 * with the server's message.
 */
import { useEffect, useRef, useState } from "react";
import { ApiError, api } from "../api.ts";

export interface Job {
  id: string;
  status: "queued" | "running" | "done" | "failed" | "cancelled" | "interrupted";
  progress: { done: number; total: number; message: string };
  analysisId: string | null;
  error: { message: string } | null;
}

export function useJob<R>(setError: (message: string) => void) {
  const [job, setJob] = useState<Job>();
  const [result, setResult] = useState<R>();
  // The page's error setter, read when an answer arrives (not a reason to poll again).
  const reportError = useRef(setError);
  reportError.current = setError;
  // Poll the running job; fetch the stored result once it is done. While the server cannot be
  // reached (a restart), say so and keep trying: the job is still there when it is back.
  const [unreachable, setUnreachable] = useState<string>();
  useEffect(() => {
    if (job?.status !== "running" && job?.status !== "queued") return;
    const t = setTimeout(
      async () => {
        try {
          const next = await api<Job>(`/api/jobs/${job.id}`);
          if (next.status === "done") {
            const a = await api<{ results: R }>(`/api/jobs/${job.id}/result`);
            setResult(a.results);
          }
          setUnreachable(undefined);
          setJob(next);
        } catch (err) {
          if (err instanceof ApiError && err.status < 500) {
            setUnreachable(undefined);
            reportError.current(err.message);
          } else {
            setUnreachable(`${(err as Error).message}; trying again`);
            setJob({ ...job }); // the same job: poll again
          }
        }
      },
      unreachable ? 2000 : 250,
    );
    return () => clearTimeout(t);
  }, [job, unreachable]);

  async function cancel() {
    if (!job) return;
    try {
      setJob(await api<Job>(`/api/jobs/${job.id}/cancel`, { method: "POST" }));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return { job, setJob, result, setResult, unreachable, cancel };
}
