// The reflection form as the views use it: ui/reflection-form.js with this device's drafts, saves
// and guides from data/ (ui/ itself never reads data/).
import { reflectionForm as formOver } from '../ui/reflection-form.js';
import { keepDraft } from '../data/draft-keeper.js';
import { clearDraft } from '../data/drafts.js';
import { cachedLinks } from '../data/guides.js';
import { afterSave } from '../data/storage.js';

const DEVICE_STORE = { keepDraft, clearDraft, afterSave, guideLinks: cachedLinks };

/** Return ui/reflection-form.js's form (same options), its drafts and guides kept on this device. */
export const reflectionForm = (options) => formOver({ ...options, store: DEVICE_STORE });
