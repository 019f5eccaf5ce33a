import type { APIRoute } from 'astro';
import { jsonFeedResponse } from '../lib/feed-response.ts';
import { getSiteIndex } from '../lib/site-data.ts';

export const GET: APIRoute = async () => jsonFeedResponse(await getSiteIndex(), '/feed.json');
