/**
 * A colour per dataset that stays the same on every chart and every visit: the palette in the
 * order the datasets were imported, whatever subset is shown. One rule with the compare view's
 * (lib/compare/dataset-labels.ts, where it is defined and tested), so a dataset has one colour.
 */
export { DATASET_PALETTE, datasetColours as datasetColour } from '../compare/dataset-labels'
