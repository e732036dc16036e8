import { api } from '../api/client';
import { typed } from '../api/typed';

/** Whose move: the commands the case accepts now, who may send each (and whether I may), by when (GET …/moves). */
export const movesOf = (caseId: string) => typed(api.GET('/api/cases/{caseId}/moves', { params: { path: { caseId } } }));
