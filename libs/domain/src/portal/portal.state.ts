import {
  DEFAULT_PORTAL_SETTINGS,
  EMPTY_PORTAL_BRANDING,
  type PortalConfiguration,
} from './portal.configuration';

export interface PortalState extends PortalConfiguration {
  /** False until PortalCreated: every command but create is refused before. */
  exists: boolean;
  id: string | null;
  isActive: boolean;
  isDefault: boolean;
  roleIds: string[];
  /** Portal users holding a seat, in the order they took it; counted against settings.maxUsers. */
  seatHolders: string[];
}

export const initialPortalState: PortalState = {
  exists: false,
  id: null,
  name: '',
  slug: '',
  url: '',
  customUrl: null,
  isActive: false,
  isDefault: false,
  roleIds: [],
  tabList: [],
  quickCreateList: [],
  dashboardLayout: [],
  defaultCaseAssigneeId: null,
  recordCriteria: {},
  settings: DEFAULT_PORTAL_SETTINGS,
  branding: EMPTY_PORTAL_BRANDING,
  seatHolders: [],
};
