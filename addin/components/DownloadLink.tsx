import { Link } from "@fluentui/react-components";
import { useEffect, useRef, type ReactNode } from "react";
import type { Download } from "../file/download.js";
import { useLanguage } from "../useLanguage.js";

/**
 * A link that saves a prepared workbook under its file name. It takes the focus when it
 * appears (the download is the result of the action the user just started).
 */
export function DownloadLink(props: { readonly download: Download }): ReactNode {
  const { t } = useLanguage();
  const wrapper = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    wrapper.current?.querySelector("a")?.focus();
  }, [props.download]);
  return (
    <span ref={wrapper}>
      <Link href={props.download.url} download={props.download.fileName}>
        {t("downloadLink", { file: props.download.fileName })}
      </Link>
    </span>
  );
}
