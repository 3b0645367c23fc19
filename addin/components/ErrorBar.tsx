import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { describeError, type HostErrorDescriber } from "../host/describeError.js";
import { useLanguage } from "../useLanguage.js";

/** An error of an action as a message bar; nothing when there is no error. */
export function ErrorBar(props: { readonly error: unknown; readonly describe?: HostErrorDescriber | undefined }): ReactNode {
  const { language, t } = useLanguage();
  if (props.error === undefined) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
        {describeError(props.error, language, props.describe)}
      </MessageBarBody>
    </MessageBar>
  );
}
