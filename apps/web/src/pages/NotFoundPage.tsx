import { Compass } from "lucide-react";
import { Link } from "react-router";
import { EmptyState } from "../ui/States.tsx";

export function NotFoundPage() {
  return (
    <div className="p-6">
      <EmptyState icon={Compass} title="No page here">
        <Link to="/catalog" className="text-indigo-600 hover:underline dark:text-indigo-400">
          Go to the catalog
        </Link>
      </EmptyState>
    </div>
  );
}
