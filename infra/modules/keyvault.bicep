metadata description = 'Key Vault (RBAC, soft delete, purge protection) holding the secrets the app reads, and the one role the app\'s identity gets: Key Vault Secrets User on this vault.'

@description('Vault name (3-24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Object id of the managed identity that reads the secrets.')
param readerPrincipalId string

@description('Secrets to store, name to value: the bot secret, the check-in pseudonym secret and the database connection string.')
@secure()
param secrets object

@description('Days a deleted secret or vault can be recovered (7-90).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionDays int

// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionDays
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for item in items(secrets): {
    parent: vault
    name: item.key
    properties: {
      value: item.value
    }
  }
]

resource readSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

@description('Vault name, for Key Vault references in app settings.')
output name string = vault.name

@description('Vault URI.')
output uri string = vault.properties.vaultUri
