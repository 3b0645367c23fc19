import { makeStyles, tokens } from "@fluentui/react-components";

/** The styles of the „Kostenverteilung“ page's own parts (cards, grids, tables); the page frame is usePageStyles. */
export const useCostAllocationPageStyles = makeStyles({
  card: {
    margin: 0,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalS,
  },
  legend: {
    paddingInline: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
    maxWidth: "100%",
    overflowWrap: "anywhere",
  },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(7.5rem, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: "start",
  },
  /** The checkbox sits level with the inputs beside it, not with their labels. */
  gridEnd: {
    alignSelf: "end",
  },
  /** Name and „Entfernen“ in one row: a card is one row shorter. */
  nameRow: {
    display: "flex",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalS,
  },
  grow: {
    flexGrow: 1,
    minWidth: 0,
  },
  input: {
    width: "100%",
    minWidth: 0,
  },
  scroll: {
    overflowX: "auto",
    maxWidth: "100%",
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: tokens.spacingHorizontalXXS,
    },
  },
  table: {
    tableLayout: "auto",
  },
  wideTable: {
    tableLayout: "auto",
    width: "auto",
    minWidth: "100%",
  },
  nowrap: {
    whiteSpace: "nowrap",
  },
  rowHeader: {
    fontWeight: tokens.fontWeightRegular,
    textAlign: "start",
    verticalAlign: "middle",
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalS,
    overflowWrap: "break-word",
  },
  columnHeader: {
    fontWeight: tokens.fontWeightRegular,
    textAlign: "start",
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalS,
  },
  numericHeader: {
    textAlign: "end",
    whiteSpace: "nowrap",
  },
  itemHeader: {
    minWidth: "10rem",
  },
  sumHeader: {
    fontWeight: tokens.fontWeightSemibold,
  },
  keyNote: {
    display: "block",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  sumRow: {
    fontWeight: tokens.fontWeightSemibold,
    borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  checkOk: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorPaletteGreenForeground1,
  },
  checkFailed: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorPaletteRedForeground1,
  },
});
