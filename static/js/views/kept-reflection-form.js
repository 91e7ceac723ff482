// The reflection form as the views use it: ui/reflection-form.js with this device's drafts, saves
// and guides from data/ (ui/ itself never reads data/).
import { reflectionForm as formOver } from '../ui/reflection-form.js';
import { keepDraft } from '../data/draft-keeper.js';
import { clearDraft } from '../data/drafts.js';
import { afterSave } from '../data/storage.js';

// The guides load with the share choice, not with the app's start: most people have none.
const guideLinks = () => import('../data/guides.js').then((guides) => guides.cachedLinks());
const DEVICE_STORE = { keepDraft, clearDraft, afterSave, guideLinks };

/** Return ui/reflection-form.js's form (same options), its drafts and guides kept on this device. */
export const reflectionForm = (options) => formOver({ ...options, store: DEVICE_STORE });
