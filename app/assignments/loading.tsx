import { LoadingState } from "@/app/ui/loading-state";

export default function Loading() {
  return <LoadingState />;
}
