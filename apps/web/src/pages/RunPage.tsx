import { useParams } from "react-router";
import { RunMonitor } from "../monitor/RunMonitor.tsx";

/** `/runs/:id`: one run, live. A new run id starts from a clean monitor. */
export function RunPage() {
  const { id = "" } = useParams();
  return <RunMonitor key={id} runId={id} />;
}
