import { makeStyles, tokens } from "@fluentui/react-components";

/** Layout shared by the pages: a column of fields with even gaps. */
export const usePageStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalM,
  },
  heading: {
    margin: 0,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBlockEnd: tokens.spacingVerticalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  stack: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  result: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: tokens.spacingHorizontalXXS,
    },
  },
  plainList: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
  },
  fileInput: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
  issueList: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  issueButton: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
    paddingBlock: tokens.spacingVerticalS,
  },
  issueCurrent: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  issueText: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  issueStatic: {
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
  },
  preview: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    padding: tokens.spacingHorizontalS,
    overflowX: "auto",
  },
  numeric: {
    textAlign: "end",
    fontVariantNumeric: "tabular-nums",
  },
  /** Rank, class and score columns: just wide enough, so the task name gets the room. */
  narrowColumn: {
    width: "3.6em",
  },
  codeColumn: {
    width: "4.6em",
  },
  /** Long compound names (e.g. "…/Inobhutnahme/Eingliederungshilfe") wrap instead of widening the pane. */
  wrapAnywhere: {
    overflowWrap: "anywhere",
  },
  caption: {
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    paddingBlockEnd: tokens.spacingVerticalXS,
  },
});
