import { Spinner } from "@fluentui/react-components";
import type { ReactNode } from "react";

/** A spinner with its text; the surrounding region carries `aria-busy`. */
export function Busy(props: { readonly label: string }): ReactNode {
  return <Spinner size="tiny" labelPosition="after" label={props.label} />;
}
