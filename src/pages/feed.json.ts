import type { APIRoute } from 'astro';
import { jsonFeedResponse } from '#src/data/feed-response.ts';
import { getSiteIndex } from '#src/data/site-data.ts';

export const GET: APIRoute = async () => jsonFeedResponse(await getSiteIndex(), '/feed.json');
