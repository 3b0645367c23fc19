/**
 * "Vorlagen": plans a template with the user's options and inserts it into the open workbook
 * (asking before any existing sheet is replaced) or, without Excel, offers it as a new file.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { ProductListResult } from "../../adapters/products/readProductList.js";
import { renderProductListIssue } from "../../lib/messages/productListFindings.js";
import { renderTerm } from "../../lib/messages/terms.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { ProductSelection } from "../../templates/reference/productFramework.js";
import type { TemplatePlanOptions } from "../../templates/TemplateModule.js";
import { Busy } from "../components/Busy.js";
import { DownloadLink } from "../components/DownloadLink.js";
import { ErrorBar } from "../components/ErrorBar.js";
import { ReplaceSheetsDialog } from "../components/ReplaceSheetsDialog.js";
import { usePageStyles } from "../components/pageStyles.js";
import { useInsertOrDownload } from "../components/useInsertOrDownload.js";
import { templateFileName } from "../file/download.js";
import { loadXlsxTools } from "../file/loadXlsxTools.js";
import type { HostErrorDescriber } from "../host/describeError.js";
import type { WorkbookHost } from "../host/WorkbookHost.js";
import { useAction } from "../useAction.js";
import { useLanguage } from "../useLanguage.js";
import { useTemplates } from "../useTemplates.js";

/** Product-list problems listed at most; the rest is counted. */
const MAX_LISTED_PRODUCT_ISSUES = 20;

interface ProductList {
  readonly file: string;
  readonly result: ProductListResult;
  /** Same rule as `ikz template --products`: no products, or a problem with the whole file, makes it unusable. */
  readonly usable: boolean;
}

export interface TemplatesPageProps {
  /** The open workbook in Excel; undefined in file mode (the template becomes a download). */
  readonly excelHost: WorkbookHost | undefined;
  readonly describeError?: HostErrorDescriber | undefined;
}

export function TemplatesPage(props: TemplatesPageProps): ReactNode {
  const { excelHost } = props;
  const { language, t } = useLanguage();
  const styles = usePageStyles();
  const ids = { heading: useId() };
  const templates = useTemplates();
  const [templateId, setTemplateId] = useState(templates[0]?.spec.id ?? "");
  const [town, setTown] = useState("");
  const [chosenLanguage, setChosenLanguage] = useState<Language | undefined>(undefined);
  const [demo, setDemo] = useState(false);
  const [starter, setStarter] = useState(false);
  const [productSelection, setProductSelection] = useState<ProductSelection>("municipality");
  const [productList, setProductList] = useState<ProductList | undefined>(undefined);
  const productAction = useAction();
  const insertAction = useAction();
  const delivery = useInsertOrDownload();
  const { outcome } = delivery;
  const productInput = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  // The workbook's language follows the pane's until the user picks one.
  const workbookLanguage = chosenLanguage ?? language;
  const template = templates.find((candidate) => candidate.spec.id === templateId) ?? templates[0];
  const busy = insertAction.busy || productAction.busy;

  // Focus follows the result: the message saying what happened (a download link focuses itself).
  useEffect(() => {
    if (outcome && outcome.kind !== "file") resultRef.current?.focus();
  }, [outcome]);

  const readProducts = (file: File): Promise<void> =>
    productAction.run(async () => {
      setProductList(undefined);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const tools = await loadXlsxTools();
      const result = await tools.readProductList(bytes, file.name);
      const usable =
        result.products.length > 0 && !result.issues.some((i) => i.severity === "error" && i.line === undefined);
      setProductList({ file: file.name, result, usable });
    });

  const removeProducts = (): void => {
    setProductList(undefined);
    if (productInput.current) {
      productInput.current.value = "";
      productInput.current.focus();
    }
  };

  const insert = (): Promise<void> =>
    insertAction.run(async () => {
      if (!template) return;
      delivery.reset();
      const name = town.trim();
      const options: TemplatePlanOptions = {
        language: workbookLanguage,
        ...(name === "" || !template.takes.town ? {} : { town: name }),
        ...(demo ? { demo: true } : {}),
        ...(starter && template.takes.starter === true ? { starter: true } : {}),
        ...(productList?.usable && template.takes.products
          ? { products: productList.result.products.map((p) => ({ code: p.code, name: p.name })) }
          : {}),
        ...(template.takes.products ? { productSelection } : {}),
      };
      const { plan } = template.plan(options);
      await delivery.deliver(plan, { host: excelHost, fileName: templateFileName(template.spec.id, name) });
    });

  const productIssues = productList?.result.issues ?? [];
  return (
    <section className={styles.page} aria-labelledby={ids.heading} aria-busy={busy}>
      <Text as="h2" size={400} weight="semibold" id={ids.heading} className={styles.heading}>
        {excelHost ? t("templatesHeading") : t("templatesHeadingFile")}
      </Text>
      <Field label={t("templateLabel")}>
        <Select value={templateId} onChange={(_, data) => setTemplateId(data.value)} disabled={busy}>
          {templates.map((candidate) => (
            <option key={candidate.spec.id} value={candidate.spec.id}>
              {candidate.spec.title[language]}
            </option>
          ))}
        </Select>
      </Field>
      {template?.takes.town && (
        <Field label={t("townLabel")} hint={t("townHint")}>
          <Input value={town} onChange={(_, data) => setTown(data.value)} disabled={busy} autoComplete="off" />
        </Field>
      )}
      <Field label={t("workbookLanguageLabel")}>
        <RadioGroup
          layout="horizontal"
          value={workbookLanguage}
          onChange={(_, data) => setChosenLanguage(data.value === "en" ? "en" : "de")}
          disabled={busy}
        >
          <Radio value="de" label={{ children: t("languageGerman"), lang: "de" }} />
          <Radio value="en" label={{ children: t("languageEnglish"), lang: "en" }} />
        </RadioGroup>
      </Field>
      {template?.takes.products && (
        <Field label={t("productListLabel")} hint={t("productListHint")}>
          {(fieldProps) => (
            <input
              {...fieldProps}
              ref={productInput}
              type="file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className={styles.fileInput}
              disabled={busy}
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file) void readProducts(file);
              }}
            />
          )}
        </Field>
      )}
      {template?.takes.products && !productList?.usable && (
        <Field label={t("productSelectionLabel")} hint={t("productSelectionHint")}>
          <RadioGroup
            value={productSelection}
            onChange={(_, data) => setProductSelection(data.value === "all" ? "all" : "municipality")}
            disabled={busy}
          >
            <Radio value="municipality" label={t("productSelectionMunicipality")} />
            <Radio value="all" label={t("productSelectionAll")} />
          </RadioGroup>
        </Field>
      )}
      {productAction.busy && <Busy label={t("productListReading")} />}
      <ErrorBar error={productAction.error} describe={props.describeError} />
      {productList && (
        <div className={styles.stack}>
          <MessageBar
            intent={productList.usable ? (productIssues.length > 0 ? "warning" : "success") : "error"}
            layout="multiline"
          >
            <MessageBarBody>
              {productList.usable
                ? t("productListRead", { count: productList.result.products.length, file: productList.file })
                : t("productListUnusable", { file: productList.file })}
            </MessageBarBody>
          </MessageBar>
          {productIssues.length > 0 && (
            <div>
              <Text as="h3" size={300} weight="semibold">
                {t("productListIssues", { count: productIssues.length })}
              </Text>
              <ul className={styles.plainList}>
                {productIssues.slice(0, MAX_LISTED_PRODUCT_ISSUES).map((issue, index) => (
                  <li key={index}>
                    {/* the text names line and cell itself */}
                    <strong>
                      {renderTerm(issue.severity === "error" ? "severityError" : "severityWarning", language)}
                    </strong>
                    : {renderProductListIssue(issue, productList?.file ?? "", language).message}
                  </li>
                ))}
              </ul>
              {productIssues.length > MAX_LISTED_PRODUCT_ISSUES && (
                <Text>{t("moreIssues", { count: productIssues.length - MAX_LISTED_PRODUCT_ISSUES })}</Text>
              )}
            </div>
          )}
          <div>
            <Button onClick={removeProducts} disabled={busy}>
              {t("productListRemove")}
            </Button>
          </div>
        </div>
      )}
      <Checkbox
        checked={demo}
        onChange={(_, data) => setDemo(data.checked === true)}
        label={t("demoLabel")}
        disabled={busy}
      />
      {template?.takes.starter === true && (
        <Checkbox
          checked={starter && !demo}
          onChange={(_, data) => setStarter(data.checked === true)}
          label={t("starterLabel")}
          disabled={busy || demo}
        />
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void insert()} disabled={busy || !template}>
          {excelHost ? t("insertButton") : t("createFileButton")}
        </Button>
        {!excelHost && <Text size={200}>{t("createFileHint")}</Text>}
      </div>
      {insertAction.busy && <Busy label={excelHost ? t("inserting") : t("creatingFile")} />}
      <ErrorBar error={insertAction.error} describe={props.describeError} />
      <div ref={resultRef} tabIndex={-1} className={styles.result}>
        {outcome?.kind === "inserted" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t("inserted", { list: outcome.sheets.join(", ") })}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.kind === "cancelled" && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t("cancelled")}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.kind === "file" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {t("fileCreated", { file: outcome.download.fileName })} <DownloadLink download={outcome.download} />
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <ReplaceSheetsDialog conflict={delivery.conflict} onAnswer={delivery.answer} />
    </section>
  );
}
