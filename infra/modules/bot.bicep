metadata description = 'Azure Bot Service for a single-tenant Entra app registration, with the Microsoft Teams channel.'

@description('Bot resource name (globally unique).')
param name string

@description('Display name of the bot.')
param displayName string

@description('Entra app id (client id) of the bot\'s single-tenant app registration.')
param appId string

@description('Tenant of that app registration.')
param tenantId string

@description('The messaging endpoint, https://<web app host>/api/messages.')
param endpoint string

@description('F0 (free, standard channels such as Teams) or S1.')
@allowed([
  'F0'
  'S1'
])
param skuName string

@description('Tags for every resource.')
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: appId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
    disableLocalAuth: false
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Bot resource name.')
output name string = bot.name
