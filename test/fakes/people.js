/**
 * The LinkedIn members every fake service knows, so the same test reads the same way against each.
 * `connected`: already a first-degree connection of every sandbox account (since `connectedAt`).
 * `invites`: has sent the sandbox accounts an invitation, pending (with `invitedAt` and a note).
 *
 * Julien Crepieux's member id is the one Unipile's own docs use as their example provider_id (its
 * description of provider_id as "the last part of the internal profile URL", and the
 * `attendees_ids` of POST /api/v1/chats in its reference). The other members and ids are invented in
 * the same shape (ACoAA… and about 40 letters and digits): an ASSUMPTION that real ids look like it.
 */
'use strict';

const PEOPLE = [
	{
		publicIdentifier: 'julien-crepieux',
		providerId: 'ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E',
		firstName: 'Julien',
		lastName: 'Crepieux',
		headline: 'Co-founder at Unipile',
	},
	{
		publicIdentifier: 'marie-curie',
		providerId: 'ACoAABBBmarieCurie0000000000000000000000',
		firstName: 'Marie',
		lastName: 'Curie',
		headline: 'Head of Research',
	},
	{
		publicIdentifier: 'jérôme-dupont',
		providerId: 'ACoAACCCjeromeDupont000000000000000000000',
		firstName: 'Jérôme',
		lastName: 'Dupont',
		headline: 'Directeur commercial',
	},
	{
		publicIdentifier: 'linus-t',
		providerId: 'ACoAADDDlinusTorvalds00000000000000000000',
		firstName: 'Linus',
		lastName: 'Torvalds',
		headline: 'Maintainer',
		connected: true,
		connectedAt: '2025-06-01T08:00:00.000Z',
	},
	{
		publicIdentifier: 'sam-sales',
		providerId: 'ACoAAEEEsamSales000000000000000000000000',
		firstName: 'Sam',
		lastName: 'Sales',
		headline: 'Account Executive',
	},
	{
		publicIdentifier: 'barbara-liskov',
		providerId: 'ACoAAHHHbarbaraLiskov0000000000000000000',
		firstName: 'Barbara',
		lastName: 'Liskov',
		headline: 'Professor of Computer Science',
	},
	{
		publicIdentifier: 'rosalind-franklin',
		providerId: 'ACoAAFFFrosalindFranklin000000000000000',
		firstName: 'Rosalind',
		lastName: 'Franklin',
		headline: 'Crystallographer',
		invites: true,
		invitedAt: '2026-11-20T10:00:00.000Z',
		note: 'Hello Ada, I read your notes on the engine.',
	},
	{
		publicIdentifier: 'katherine-johnson',
		providerId: 'ACoAAGGGkatherineJohnson00000000000000',
		firstName: 'Katherine',
		lastName: 'Johnson',
		headline: 'Mathematician',
		invites: true,
		invitedAt: '2026-11-21T15:30:00.000Z',
		note: null,
	},
];

module.exports = { PEOPLE };
