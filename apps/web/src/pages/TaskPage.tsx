import { useParams } from "react-router";
import { TaskDetail } from "../tasks/TaskDetail.tsx";

/** `/tasks/:id`: one task to decide, or the decision already made. */
export function TaskPage() {
  const { id = "" } = useParams();
  return <TaskDetail key={id} taskId={id} />;
}
