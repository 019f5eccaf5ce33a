import type { APIRoute } from 'astro';
import { jsonFeedResponse } from '../data/feed-response.ts';
import { getSiteIndex } from '../data/site-data.ts';

export const GET: APIRoute = async () => jsonFeedResponse(await getSiteIndex(), '/feed.json');
