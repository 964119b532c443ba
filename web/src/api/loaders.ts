import { api, unwrap } from './client';
import type { ApiToken, Briefing, CallingRules, Campaign, CampaignDetail, Client, Rep, User } from './types';

/** Stable loader functions for useResource. */
export const loadClients = async (): Promise<Client[]> => (await unwrap(api.GET('/api/clients'))).clients;
export const loadCampaigns = async (): Promise<Campaign[]> => (await unwrap(api.GET('/api/campaigns'))).campaigns;
export const loadUsers = async (): Promise<User[]> => (await unwrap(api.GET('/api/users'))).users;
export const loadStaffCandidates = async () => (await unwrap(api.GET('/api/staff-candidates'))).users;
export const loadTokens = async (): Promise<ApiToken[]> => (await unwrap(api.GET('/api/tokens'))).tokens;
export const loadLegalRules = async (): Promise<CallingRules> => unwrap(api.GET('/api/calling-rules/legal'));

/** The path parameter of the routes with "{id}". */
export const withId = (id: number) => ({ params: { path: { id } } });

export const loadClient = async (id: number): Promise<Client> => unwrap(api.GET('/api/clients/{id}', withId(id)));
export const loadClientCampaigns = async (id: number): Promise<Campaign[]> =>
  (await unwrap(api.GET('/api/clients/{id}/campaigns', withId(id)))).campaigns;
export const loadReps = async (clientId: number): Promise<Rep[]> =>
  (await unwrap(api.GET('/api/clients/{id}/reps', withId(clientId)))).reps;
export const loadCampaign = async (id: number): Promise<CampaignDetail> => unwrap(api.GET('/api/campaigns/{id}', withId(id)));
export const loadBriefings = async (id: number): Promise<Briefing[]> =>
  (await unwrap(api.GET('/api/campaigns/{id}/briefings', withId(id)))).briefings;
