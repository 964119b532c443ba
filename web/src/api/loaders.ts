import { api, unwrap } from './client';
import type { ApiToken, Campaign, Client, User } from './types';

/** Stable loader functions for useResource. */
export const loadClients = async (): Promise<Client[]> => (await unwrap(api.GET('/api/clients'))).clients;
export const loadCampaigns = async (): Promise<Campaign[]> => (await unwrap(api.GET('/api/campaigns'))).campaigns;
export const loadUsers = async (): Promise<User[]> => (await unwrap(api.GET('/api/users'))).users;
export const loadTokens = async (): Promise<ApiToken[]> => (await unwrap(api.GET('/api/tokens'))).tokens;
