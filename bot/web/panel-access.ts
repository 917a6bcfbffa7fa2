import {
  endPanelSession,
  issuePanelToken,
  panelSession,
  setPanelFlash,
  takePanelFlash,
  usePanelToken,
} from '../../models/panel.js';
import type { PanelAccess } from './panel-page.js';

/** The organisers' panel's sign-in, kept in the database (models/panel.ts). */
export const PANEL_ACCESS: PanelAccess = {
  issue: issuePanelToken,
  use: usePanelToken,
  session: panelSession,
  end: endPanelSession,
  flash: setPanelFlash,
  takeFlash: takePanelFlash,
};
