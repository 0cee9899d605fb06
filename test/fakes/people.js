/**
 * The LinkedIn members every fake service knows, so the same test reads the same way against each.
 * `connected`: already a first-degree connection of every sandbox account.
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
	},
	{
		publicIdentifier: 'sam-sales',
		providerId: 'ACoAAEEEsamSales000000000000000000000000',
		firstName: 'Sam',
		lastName: 'Sales',
		headline: 'Account Executive',
	},
];

module.exports = { PEOPLE };
